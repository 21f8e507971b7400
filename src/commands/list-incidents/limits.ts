// How many incidents list-incidents shows; zod-free, because help text needs them.
export const DEFAULT_ALL_LIMIT = 25;
export const MAX_LIMIT = 1000;
