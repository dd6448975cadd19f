import { report, type FindingSink } from "./findings";
import { vhostsOf, type GatewayTable } from "./routing-table";

/**
 * Findings read off the routing table (reference §9 GWR010, GWR011): a row whose match equals an earlier row's
 * in the same virtual host is never reached; when the two rows come from different routes, age and name decided.
 */
export function reportTable(sink: FindingSink, table: GatewayTable): void {
  for (const lt of table.listeners) {
    for (const v of vhostsOf(lt)) {
      for (const [i, j] of v.shadowedBy) {
        const loser = v.rows[i];
        const winner = v.rows[j];
        if (!loser || !winner) continue;
        const where = `on ${v.hostname} via listener ${lt.listener.name} of Gateway ${table.gateway.key}`;
        const field = `spec.rules[${loser.rule.index}].matches[${loser.matchIndex}]`;
        const what = loser.text;
        const other = `${winner.route.kind} ${winner.route.key} rule ${winner.rule.index}`;
        if (winner.route !== loser.route) {
          report(sink, "GW_MATCH_TIE", [loser.route.ref, winner.route.ref], field, `match ${what} must be unique ${where}: ${other} has the same match and wins by age or name`);
        }
        report(sink, "GW_RULE_SHADOWED", [loser.route.ref, winner.route.ref], field, `rule ${loser.rule.index} match ${loser.matchIndex} (${what}) must be reachable ${where}; ${other} takes every request it matches`);
      }
    }
  }
}
