import { node } from "@medianum/eslint-config";

export default node;
