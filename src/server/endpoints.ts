// The functions a sidebar may call through google.script.run, as data: one table per edition maps
// each name to the schema of its argument tuple and (as a type only) its result. From that one table
// come the sidebar's typed client (`ApiOf`, sidebar/server.ts), the handlers' types (`Handlers`), the
// dispatch that validates what a browser sent, and the top-level functions Apps Script calls by name
// (`exposeEndpoints`; the build turns each key into a top-level function, scripts/build.mjs).
// Adding an endpoint is one line in the table and one handler.
//
// This module is also read by the sidebar's type-check: it names no Apps Script service.
import * as z from '../core/zod';

type Schema<A> = z.ZodMiniType<A, unknown>;

/** One endpoint: what it accepts (validated on the server) and what it returns (a type only). */
export interface Endpoint<A extends unknown[], R> {
  args: Schema<A>;
  /** Never read: carries the result type. */
  readonly result?: R;
}

/** `endpoint<Result>()(z.tuple([…]))`: the argument types come from the schema, the result type is named. */
export function endpoint<R>(): <A extends unknown[]>(args: Schema<A>) => Endpoint<A, R> {
  return (args) => ({ args });
}

// biome-ignore lint/suspicious/noExplicitAny: a table of endpoints of any argument and result types.
export type Endpoints = Record<string, Endpoint<any, any>>;
export type ArgsOf<E> = E extends Endpoint<infer A, unknown> ? A : never;
export type ResultOf<E> = E extends Endpoint<unknown[], infer R> ? R : never;

/** The contract the sidebar's client is typed with: name → { args, result }. */
export type ApiOf<T extends Endpoints> = { [K in keyof T]: { args: ArgsOf<T[K]>; result: ResultOf<T[K]> } };

/** One handler per endpoint, with the endpoint's own argument and result types. */
export type Handlers<T extends Endpoints> = { [K in keyof T]: (...args: ArgsOf<T[K]>) => ResultOf<T[K]> };

/** What the top-level function of an endpoint accepts: anything a browser may send. */
export type Exposed<T extends Endpoints> = { [K in keyof T]: (...raw: unknown[]) => ResultOf<T[K]> };

/** How a dispatch reports failures: a bad request, and the message for any other error. */
export interface DispatchErrors {
  badRequest(name: string): Error;
  /** The error the client sees (google.script.run hands it only the message): a readable Russian one. */
  translate(e: unknown): Error;
  log?(e: unknown): void;
}

/**
 * The function Apps Script calls for each endpoint: validates the arguments against the table, calls
 * the handler, and lets every error leave as a readable message.
 */
export function exposeEndpoints<T extends Endpoints>(table: T, handlers: Handlers<T>, errors: DispatchErrors): Exposed<T> {
  const out = {} as Record<string, (...raw: unknown[]) => unknown>;
  for (const name of Object.keys(table)) {
    const schema = (table[name] as Endpoint<unknown[], unknown>).args;
    const handler = handlers[name] as (...args: unknown[]) => unknown;
    out[name] = (...raw: unknown[]) => {
      const parsed = z.safeParse(schema, raw);
      if (!parsed.success) throw errors.badRequest(name);
      try {
        return handler(...parsed.data);
      } catch (e) {
        errors.log?.(e);
        throw errors.translate(e);
      }
    };
  }
  return out as Exposed<T>;
}
