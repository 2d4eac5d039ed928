"use client";

// Rendered when even the root layout fails, so it cannot rely on translations: it speaks Polish and English.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="pl">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem 1rem", maxWidth: 640, margin: "0 auto" }}>
        <h1>Coś poszło nie tak</h1>
        <p>Przepraszamy, strona nie mogła się wczytać. Spróbuj ponownie za chwilę.</p>
        <p lang="en">Something went wrong. Please try again in a moment.</p>
        <button type="button" onClick={reset} style={{ minHeight: 44, padding: "0 1rem" }}>
          Spróbuj ponownie / Try again
        </button>
      </body>
    </html>
  );
}
