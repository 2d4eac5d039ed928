"use client";

/** Opens the browser's print dialog (where "Save as PDF" is one of the printers). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-primary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
