import { makeStyles } from "@fluentui/react-components";

/**
 * In the page for assistive technology (and the tests), not seen: a file input behind the button
 * that opens it, a live region that announces progress.
 */
export const useVisuallyHiddenStyles = makeStyles({
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});
