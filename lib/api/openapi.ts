/** The JSON API v1 described in OpenAPI 3.1; served at /api/v1/openapi.json and rendered at /api/docs. */
const error = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const noteBody = {
  required: false,
  content: {
    "application/json": {
      schema: {
        type: "object",
        additionalProperties: false,
        properties: { note: { type: "string", maxLength: 1000 } },
      },
    },
  },
};
const statusResponse = {
  description: "The booking's new state",
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["id", "status"],
        properties: { id: { type: "string" }, status: { type: "string" } },
      },
    },
  },
};
const reportPeriod = [
  {
    name: "from",
    in: "query",
    required: true,
    description: "First day, YYYY-MM-DD (Polish time)",
    schema: { type: "string", format: "date" },
  },
  {
    name: "to",
    in: "query",
    required: true,
    description: "Last day, inclusive",
    schema: { type: "string", format: "date" },
  },
];
const reportErrors = {
  "400": error("Invalid period or grouping"),
  "401": error("No session cookie and no valid API token"),
  "403": error("Only the coordinator sees every organisation; an admin sees its own; members none"),
};
const common = {
  "401": error("No session cookie and no valid API token"),
  "404": error("Unknown, or another organisation's private data"),
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Współdzielnia API",
    version: "1.0.0",
    description:
      "Resources and bookings of the partnership. Authenticate with the session cookie or a personal API token " +
      "(`Authorization: Bearer wsp_…`, created in Ustawienia → Tokeny API). Times are ISO 8601 instants with an offset; " +
      "messages follow `Accept-Language` (pl by default, en).",
  },
  servers: [{ url: "/" }],
  security: [{ bearer: [] }, { session: [] }],
  paths: {
    "/api/v1/resources": {
      get: {
        summary: "Find resources; with from and to, only those open and free for the whole window",
        parameters: [
          { name: "kind", in: "query", schema: { enum: ["premises", "equipment", "expertise"] } },
          { name: "q", in: "query", description: "Text, case- and accent-insensitive", schema: { type: "string" } },
          { name: "owner", in: "query", description: "Organisation slug", schema: { type: "string" } },
          { name: "minCapacity", in: "query", schema: { type: "integer", minimum: 1 } },
          { name: "minQuantity", in: "query", schema: { type: "integer", minimum: 1 } },
          { name: "from", in: "query", schema: { type: "string", format: "date-time" } },
          { name: "to", in: "query", schema: { type: "string", format: "date-time" } },
        ],
        responses: {
          "200": {
            description: "Matching resources",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["items"],
                  properties: { items: { type: "array", items: { $ref: "#/components/schemas/ResourceSummary" } } },
                },
              },
            },
          },
          "400": error("Invalid filters"),
          "401": common["401"],
        },
      },
      post: {
        summary: "Create a resource owned by the caller's organisation",
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/NewResource" } } },
        },
        responses: {
          "201": {
            description: "Created",
            content: { "application/json": { schema: { $ref: "#/components/schemas/ResourceSummary" } } },
          },
          "400": error("Invalid body"),
          "401": common["401"],
          "403": error("The caller's role may not manage resources"),
        },
      },
    },
    "/api/v1/resources/{id}": {
      get: {
        summary: "One resource",
        parameters: [idParam],
        responses: { "200": { description: "The resource" }, ...common },
      },
      patch: {
        summary: "Change a resource of the caller's organisation",
        parameters: [idParam],
        responses: {
          "200": { description: "Updated" },
          "400": error("Invalid body"),
          "403": error("Not yours"),
          ...common,
        },
      },
      delete: {
        summary: "Archive a resource of the caller's organisation",
        parameters: [idParam],
        responses: { "200": { description: "Archived" }, "403": error("Not yours"), ...common },
      },
    },
    "/api/v1/resources/{id}/photos": {
      get: {
        summary: "The resource's photos, in order; each `url` serves the image to the same callers",
        parameters: [idParam],
        responses: {
          "200": {
            description: "Photos",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["items"],
                  properties: { items: { type: "array", items: { $ref: "#/components/schemas/Photo" } } },
                },
              },
            },
          },
          ...common,
        },
      },
      post: {
        summary: "Add a photo to a resource of the caller's organisation (at most 8 a resource)",
        parameters: [idParam],
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["file", "alt"],
                properties: {
                  file: {
                    type: "string",
                    format: "binary",
                    description:
                      "JPEG, PNG or WebP (recognised by its content, not its name), at most 5 MB. Stored without its metadata (EXIF with the GPS position, XMP, IPTC, comments, PNG text); only the EXIF orientation is kept. A malformed file is refused.",
                  },
                  alt: {
                    type: "string",
                    minLength: 3,
                    maxLength: 200,
                    description: "What the photo shows, for people who cannot see it",
                  },
                },
              },
            },
          },
        },
        responses: {
          "201": {
            description: "Added, last in order",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Photo" } } },
          },
          "400": error("Not an image of an accepted type, too large, no text alternative, or already 8 photos"),
          "403": error("Not yours, or the caller's role may not manage resources"),
          ...common,
        },
      },
    },
    "/api/v1/resources/{id}/availability": {
      get: {
        summary: "Free and busy time in a window (at most 62 days)",
        parameters: [
          idParam,
          { name: "from", in: "query", required: true, schema: { type: "string", format: "date-time" } },
          { name: "to", in: "query", required: true, schema: { type: "string", format: "date-time" } },
        ],
        responses: {
          "200": {
            description: "Free segments (units available throughout) and busy segments (units booked throughout)",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["free", "busy"],
                  properties: {
                    free: { type: "array", items: { $ref: "#/components/schemas/Segment" } },
                    busy: { type: "array", items: { $ref: "#/components/schemas/Segment" } },
                  },
                },
              },
            },
          },
          "400": error("Invalid window"),
          ...common,
        },
      },
    },
    "/api/v1/bookings": {
      get: {
        summary: "The caller's organisation's bookings",
        parameters: [
          { name: "scope", in: "query", schema: { enum: ["outgoing", "incoming", "all"] } },
          { name: "status", in: "query", description: "Comma-separated statuses", schema: { type: "string" } },
          { name: "from", in: "query", schema: { type: "string", format: "date-time" } },
          { name: "to", in: "query", schema: { type: "string", format: "date-time" } },
        ],
        responses: {
          "200": {
            description: "Bookings",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { items: { type: "array", items: { $ref: "#/components/schemas/Booking" } } },
                },
              },
            },
          },
          "400": error("Invalid filters"),
          "401": common["401"],
        },
      },
      post: {
        summary: "Request a booking; instant resources are approved at once, others wait as pending",
        parameters: [
          {
            name: "Idempotency-Key",
            in: "header",
            description:
              "Retrying with the same key returns the first booking; the same key with another body is a 422",
            schema: { type: "string", minLength: 8, maxLength: 200 },
          },
        ],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/NewBooking" } } },
        },
        responses: {
          "201": {
            description: "Created (or replayed)",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Booking" } } },
          },
          "400": error("Malformed input"),
          "401": common["401"],
          "404": error("Unknown resource"),
          "409": error("The slot is taken; `error.alternatives` lists the three nearest free slots"),
          "422": error(
            "A booking rule is broken (`error.violations`), or the Idempotency-Key was reused with another body",
          ),
        },
      },
    },
    "/api/v1/bookings/{id}": {
      get: {
        summary: "One booking, for either party",
        parameters: [idParam],
        responses: { "200": { description: "The booking" }, ...common },
      },
    },
    "/api/v1/bookings/{id}/approve": {
      post: {
        summary: "The owner approves a pending request",
        parameters: [idParam],
        requestBody: noteBody,
        responses: {
          "200": statusResponse,
          "403": error("Not the owner"),
          "409": error("Not pending any more, or the slot was taken"),
          ...common,
        },
      },
    },
    "/api/v1/bookings/{id}/decline": {
      post: {
        summary: "The owner declines a pending request",
        parameters: [idParam],
        requestBody: noteBody,
        responses: {
          "200": statusResponse,
          "403": error("Not the owner"),
          "409": error("Not pending any more"),
          ...common,
        },
      },
    },
    "/api/v1/bookings/{id}/cancel": {
      post: {
        summary: "The requester cancels before the start; the owner cancels with a reason (note)",
        parameters: [idParam],
        requestBody: noteBody,
        responses: {
          "200": statusResponse,
          "400": error("The owner gave no reason"),
          "409": error("Already ended or cancelled"),
          "422": error("Already started"),
          ...common,
        },
      },
    },
    "/api/v1/bookings/{id}/ics": {
      get: {
        summary: "One booking as an iCalendar file",
        parameters: [idParam],
        responses: { "200": { description: "text/calendar" }, ...common },
      },
    },
    "/api/v1/reports/utilisation": {
      get: {
        summary: "Utilisation per resource, kind or owner organisation, with the previous period of the same length",
        parameters: [
          ...reportPeriod,
          { name: "groupBy", in: "query", schema: { enum: ["resource", "kind", "organisation"] } },
        ],
        responses: {
          "200": {
            description:
              '`{"from","to","rows":[{"key","label","bookings","bookedHours","availableHours","utilisation"}],"totals":{…}}`; hours as decimals, utilisation 0–1',
          },
          ...reportErrors,
        },
      },
    },
    "/api/v1/reports/in-kind": {
      get: {
        summary:
          "In-kind contribution (wkład niefinansowy) valued at the rate valid on each booking's date; confirmed hours of needs-board volunteer work at the simple volunteer-hour rate",
        parameters: [
          ...reportPeriod,
          { name: "groupBy", in: "query", schema: { enum: ["organisation", "purpose", "month"] } },
        ],
        responses: {
          "200": {
            description:
              "Rows with bookings and value in PLN, totals, the valued lines; `needsBoard` (totals, lines per giving organisation and rate, work with no rate) for volunteer work through the needs board, which `volunteerHours`, `personalValue` and `value` include",
          },
          ...reportErrors,
        },
      },
    },
    "/api/v1/reports/exchange": {
      get: {
        summary: "Hours and value lent and borrowed per organisation, and who lent to whom",
        parameters: reportPeriod,
        responses: {
          "200": {
            description:
              "Organisations and the lender × borrower matrix; hours and values include confirmed needs-board volunteer work (given by the volunteer's organisation, taken by the need's poster), whose part is in the `…Engagements`/`…NeedsBoard…` fields, `totals` and `needsBoard`",
          },
          ...reportErrors,
        },
      },
    },
    "/api/v1/reports/funnel": {
      get: {
        summary: "Requests, approved, declined, cancelled, expired; median time to a decision; under-used resources",
        parameters: reportPeriod,
        responses: { "200": { description: "The funnel" }, ...reportErrors },
      },
    },
    "/api/v1/reports/export": {
      get: {
        summary: "Any report as CSV (UTF-8 with BOM, `;`, decimal comma), XLSX or PDF",
        parameters: [
          ...reportPeriod,
          { name: "report", in: "query", required: true, schema: { type: "string" } },
          { name: "format", in: "query", required: true, schema: { enum: ["csv", "xlsx", "pdf"] } },
        ],
        responses: { "200": { description: "The file as an attachment" }, ...reportErrors },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "A personal API token (wsp_…)" },
      session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
    },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string" },
              message: { type: "string", description: "Translated for people" },
              fields: { type: "object", additionalProperties: { type: "string" } },
              violations: { type: "array", items: { type: "string" } },
              alternatives: { type: "array", items: { $ref: "#/components/schemas/Slot" } },
            },
          },
        },
      },
      Slot: {
        type: "object",
        required: ["start", "end"],
        properties: { start: { type: "string", format: "date-time" }, end: { type: "string", format: "date-time" } },
      },
      Segment: {
        type: "object",
        required: ["start", "end", "quantity"],
        properties: {
          start: { type: "string", format: "date-time" },
          end: { type: "string", format: "date-time" },
          quantity: { type: "integer" },
        },
      },
      ResourceSummary: {
        type: "object",
        required: ["id", "kind", "name", "organisation", "capacity", "quantity", "bookingMode"],
        properties: {
          id: { type: "string", format: "uuid" },
          kind: { enum: ["premises", "equipment", "expertise"] },
          name: { type: "string" },
          organisation: { type: "object", properties: { slug: { type: "string" }, name: { type: "string" } } },
          capacity: { type: ["integer", "null"] },
          quantity: { type: "integer" },
          bookingMode: { enum: ["instant", "approval"] },
        },
      },
      NewResource: {
        type: "object",
        required: ["kind", "name", "bookingMode"],
        properties: {
          kind: { enum: ["premises", "equipment", "expertise"] },
          name: { type: "string" },
          description: { type: "string" },
          capacity: { type: "integer", minimum: 1 },
          quantity: { type: "integer", minimum: 1 },
          bookingMode: { enum: ["instant", "approval"] },
          openingHours: {
            type: "array",
            description: "Wall-clock hours in Europe/Warsaw; none means always open; 24:00 is a valid end",
            items: {
              type: "object",
              required: ["weekday", "start", "end"],
              properties: {
                weekday: { type: "integer", minimum: 1, maximum: 7, description: "1 = Monday" },
                start: { type: "string", pattern: "^\\d{2}:\\d{2}$" },
                end: { type: "string", pattern: "^\\d{2}:\\d{2}$" },
              },
            },
          },
          bufferMinutes: { type: "integer", minimum: 0 },
          minMinutes: { type: "integer", minimum: 1 },
          maxMinutes: { type: "integer", minimum: 1 },
        },
      },
      Photo: {
        type: "object",
        required: ["id", "url", "alt", "contentType"],
        properties: {
          id: { type: "string", format: "uuid" },
          url: { type: "string", description: "Path of the image (`/api/files/photos/{id}`), same authentication" },
          alt: { type: "string", description: "The text alternative" },
          contentType: { enum: ["image/jpeg", "image/png", "image/webp"] },
        },
      },
      NewBooking: {
        type: "object",
        required: ["resourceId", "start", "end", "purpose"],
        properties: {
          resourceId: { type: "string", format: "uuid" },
          start: { type: "string", format: "date-time" },
          end: { type: "string", format: "date-time" },
          quantity: { type: "integer", minimum: 1, default: 1 },
          purpose: { type: "string", maxLength: 300 },
          attendees: { type: "integer", minimum: 1 },
          note: { type: "string", maxLength: 2000 },
        },
      },
      Booking: {
        type: "object",
        required: ["id", "status", "start", "end", "quantity"],
        properties: {
          id: { type: "string", format: "uuid" },
          status: { enum: ["pending", "approved", "declined", "cancelled", "expired", "completed"] },
          start: { type: "string", format: "date-time" },
          end: { type: "string", format: "date-time" },
          quantity: { type: "integer" },
          purpose: { type: "string" },
          resource: { type: "object" },
          owner: { type: "object" },
          organisation: { type: "object" },
        },
      },
    },
  },
} as const;
