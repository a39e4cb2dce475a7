import { makeStyles } from "@fluentui/react-components";

/**
 * A file input that stays in the page for the button that opens it, for assistive technology and
 * the tests, without being seen.
 */
export const useVisuallyHiddenStyles = makeStyles({
  input: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});
