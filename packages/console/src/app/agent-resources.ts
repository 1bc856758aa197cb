/*
 * The agent client's resources (cases, chat, dashboard, departments, audit) with the schemas they
 * parse with and their live streams: a chunk the console loads once someone has signed in, so the
 * sign-in page carries only the client's session part.
 */
export { withAgentResources } from '@kontakt/core/agent';
