// A JSON answer with the status text a real service sends: @forge/kvs and @forge/events put it in their errors
// (responseDetails.statusText, "400 Bad Request: …").
import { STATUS_CODES } from 'node:http';

export function jsonAnswer(status: number, body: unknown): Response {
  return Response.json(body, { status, statusText: STATUS_CODES[status] ?? '' });
}
