// Why an attachment could not be shown: one code per message the viewer says (role="alert").

export type AttachmentProblem =
  | 'bad-address' // ?src= missing, not http(s)
  | 'network' // the request failed
  | 'http' // the server answered with an error status
  | 'login' // an HTML page (login, error, redirect) where the file should be
  | 'too-large' // over the download cap
  | 'unsupported' // a type we do not read (RTF, a zip that is not Word, unknown bytes)
  | 'encrypted' // password-protected PDF or Word file
  | 'damaged' // truncated or malformed file
  | 'empty' // the file holds no text at all
  | 'scan'; // a PDF of page images, no text layer

export class AttachmentError extends Error {
  constructor(
    readonly problem: AttachmentProblem,
    /** Extra detail for the message: the HTTP status, the cap in MB. */
    readonly detail = '',
  ) {
    super(`${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'AttachmentError';
  }
}

export function isAttachmentError(error: unknown): error is AttachmentError {
  return error instanceof AttachmentError;
}
