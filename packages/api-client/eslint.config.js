import { react } from "@medianum/eslint-config";

export default react;
