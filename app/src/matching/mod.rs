//! The matching engine: pure scoring, explanation, ranking, optimal assignment and the
//! wait-time estimate. No I/O and no `ssr`-only code: the browser runs it unchanged.
