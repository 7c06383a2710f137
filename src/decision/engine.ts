/**
 * The decision-support engine: validated rule definitions in, ranked and explained suggestions out.
 * Every suggestion carries the figures that triggered it and a text rendered from its rule's template.
 *
 * Ranking: by score, which puts warnings before attentions before information and, within a severity,
 * weighs how far past its threshold a finding is (capped so one extreme figure cannot bury the rest);
 * ties by id.
 */
import type { SuggestionsData } from '../panels/types';
import type { Facts } from './facts';
import { evaluateRule, type Hit } from './evaluators';
import { DEFAULT_RULES, parseRules, type RuleDefinition } from './rules';
import { renderTemplate } from './template';

export type Suggestion = SuggestionsData['items'][number];
export type Severity = Suggestion['severity'];

const SEVERITY_RANK: Record<Severity, number> = { warning: 0, attention: 1, info: 2 };
/** A finding counts at most this many times its threshold. */
const MAX_RATIO = 3;
/** Suggestions shown at most (the panel scrolls; a wall is not a report). */
export const MAX_SUGGESTIONS = 12;

export function severityOf(rule: RuleDefinition, hit: Hit): Severity {
  return rule.escalateAt !== undefined && hit.magnitude >= rule.escalateAt ? 'warning' : rule.severity;
}

/**
 * Severity band (warning 100+, attention 50+, info 0+) plus weight × how far past its threshold, so that
 * ordering by score alone (as the panel does) keeps warnings first.
 */
const SEVERITY_BAND: Record<Severity, number> = { warning: 100, attention: 50, info: 0 };
const MAX_WITHIN_BAND = 49.9;

export function scoreOf(rule: RuleDefinition, hit: Hit, severity: Severity = severityOf(rule, hit)): number {
  const within = Math.min(MAX_WITHIN_BAND, Math.round(rule.weight * Math.min(MAX_RATIO, Math.max(0, hit.ratio)) * 100) / 10);
  return SEVERITY_BAND[severity] + within;
}

export function compareSuggestions(a: Suggestion, b: Suggestion): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Run validated rules over the facts. A rule that throws is skipped, never the whole list. */
export function evaluateRules(rules: readonly RuleDefinition[], facts: Facts, onError?: (ruleId: string, error: unknown) => void): SuggestionsData {
  const items: Suggestion[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    try {
      for (const hit of evaluateRule(rule, facts)) {
        const severity = severityOf(rule, hit);
        items.push({
          id: `${rule.id}:${hit.key}`,
          severity,
          title: renderTemplate(rule.title, hit.vars),
          explanation: renderTemplate(rule.text, hit.vars),
          figures: hit.figures,
          score: scoreOf(rule, hit, severity),
        });
      }
    } catch (error) {
      onError?.(rule.id, error);
    }
  }
  items.sort(compareSuggestions);
  return { items: items.slice(0, MAX_SUGGESTIONS) };
}

/** An engine over rule definitions from anywhere (a config file, an operator): validates them first. */
export function createEngine(definitions: unknown = DEFAULT_RULES): (facts: Facts) => SuggestionsData {
  const rules = parseRules(definitions);
  return (facts) => evaluateRules(rules, facts);
}

/** The wall's rules, validated once at load: a broken default fails the build's tests, not the wall. */
export const WALL_RULES: readonly RuleDefinition[] = parseRules(DEFAULT_RULES);
