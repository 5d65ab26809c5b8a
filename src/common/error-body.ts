/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
}
