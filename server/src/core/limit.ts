/**
 * How many results a feature may compute, as VS Code's JSON language service takes it (`resultLimit`, which its
 * client feeds from the `json.maxItemsComputed` setting), and what to call when the limit cut the result short.
 */
export interface ResultLimit {
  /** At most this many items in all, nested ones counted; no limit when absent. */
  readonly resultLimit?: number;
  readonly onResultLimitExceeded?: () => void;
}
