/**
 * Errors as Office.js reports them: an Error whose `code` is one of Excel's error codes
 * (`error.code === 'ItemNotFound'`), with `debugInfo` like OfficeExtension.Error.
 */

export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidSelection'
  | 'AccessDenied'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidObjectPath'
  | 'GeneralException'
  | 'InvalidOperationInCellEditMode';

const MESSAGES: Record<FakeErrorCode, string> = {
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  ValueNotLoaded: 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  ItemNotFound: 'The requested resource doesn\'t exist.',
  ItemAlreadyExists: 'The resource being created already exists.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The requested operation is invalid.',
  InvalidSelection: 'The current selection is invalid for this operation.',
  AccessDenied: 'You cannot perform the requested operation.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  InvalidObjectPath: 'The object path isn\'t working for what you\'re trying to do.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidOperationInCellEditMode: 'The operation is not available while Excel is in Edit cell mode. Exit Edit mode by using the ENTER or TAB keys, or by selecting another cell, and then try again.',
};

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: FakeErrorCode; message: string; errorLocation?: string };
  constructor(code: FakeErrorCode, detail?: string, errorLocation?: string) {
    super(detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code]);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message: this.message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function isFakeOfficeError(e: unknown, code?: FakeErrorCode): e is FakeOfficeError {
  return e instanceof FakeOfficeError && (code === undefined || e.code === code);
}
