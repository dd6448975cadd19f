import "server-only";
import type { FieldError } from "@/lib/model/errors";

/** A typed error the route wrapper maps to an HTTP answer `{code, message, fields?}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: readonly FieldError[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, "NotFound", `${what} was not found`);
export const badRequest = (message: string, fields?: readonly FieldError[]) => new ApiError(400, "BadRequest", message, fields);
