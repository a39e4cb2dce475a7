import { startTaskpane } from "./start";

const container = document.getElementById("root");
if (container) {
  void startTaskpane(container);
}
