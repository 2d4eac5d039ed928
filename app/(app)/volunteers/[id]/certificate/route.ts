import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { translator } from "@/lib/i18n/translate";
import { uuidParam } from "@/lib/validation";
import { getCertificate } from "@/lib/volunteers/certificate";
import { type CertificateTranslate, certificatePdf } from "@/lib/volunteers/certificate-pdf";

const query = z.object({ from: z.string().optional(), to: z.string().optional() });

/**
 * `GET /volunteers/{id}/certificate?from=YYYY-MM-DD&to=YYYY-MM-DD` → the certificate of volunteer work (PDF) over
 * those local days: confirmed engagements and hours only. Own organisation only; anyone else gets 404.
 */
export const GET = authedRoute(
  { params: z.object({ id: uuidParam }), query },
  async ({ db, actor, params, query, locale }) => {
    const data = await getCertificate(db, actor, { volunteerId: params.id, from: query.from, to: query.to });
    const t = translator(locale);
    const translate: CertificateTranslate = (key, values) => t(`volunteers.${key}` as never, values as never);
    const pdf = await certificatePdf(data, { locale, t: translate });
    return new Response(pdf as BodyInit, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="zaswiadczenie-${data.from}-${data.to}.pdf"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
