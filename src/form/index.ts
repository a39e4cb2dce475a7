export * from "./schema";
export * from "./names";
export * from "./resolve";
export * from "./unit-match";
export { BDG_2019 } from "./bdg-2019";
