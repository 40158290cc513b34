// The client side of google.script.run, as far as the sidebar uses it. Server function names are not
// declared here: sidebar/server.ts takes them, with their types, from the contract.
declare namespace google.script {
  type FailureValue = Error | { message?: string } | string | null | undefined;

  interface Runner {
    withSuccessHandler(handler: (result: unknown) => void): Runner;
    withFailureHandler(handler: (error: FailureValue) => void): Runner;
  }

  const run: Runner;
}
