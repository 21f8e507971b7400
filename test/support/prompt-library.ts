// How a test tells that the prompt library (@clack/prompts) was loaded: the bundle's chunks are
// named by hash, and minified, but the library's cancel symbol keeps its description, a string
// no other code of the CLI has. test/cli/startup.test.ts checks that exactly one chunk holds it.
export const PROMPT_LIBRARY_MARKER = 'clack:cancel';
