// Which HTTP status an error thrown while answering an API call deserves: the caller's mistakes
// are 4xx with their message; anything else is a 500 whose one-line message is still shown,
// because the only client is the user's own UI on their own machine.
import { ContractError } from '../../shared/api-contract.js';
import { NotFoundError } from '../engine/engine.js';
import { SelectorError } from '../engine/store/run-selector.js';
import { HttpError } from './http-error.js';

export function errorStatus(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  if (error instanceof ContractError) return error.kind === 'unknown-method' ? 404 : 400;
  if (error instanceof NotFoundError || error instanceof SelectorError) return 404;
  return 500;
}
