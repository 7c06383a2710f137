/**
 * Pairing over REST: POST HUB_PAIR_PATH {code, name} → PairReply. The reply and the HTTP status are
 * turned into one of a few failures the presenter can act on (retype the code, wait, read the new code off
 * the wall), each with a Chinese message; the hub's own error text is kept as the detail line.
 */
import { HUB_PAIR_PATH, pairRequestSchema, type PairReply } from '../presenter/protocol';
import type { RemoteSession } from './session';

export type PairFailure = 'invalid' | 'wrong-code' | 'too-many' | 'expired' | 'refused' | 'network' | 'no-hub' | 'server';

export type PairResult = { ok: true; session: RemoteSession } | { ok: false; failure: PairFailure; message: string; detail: string };

const MESSAGES: Record<PairFailure, string> = {
  invalid: '请输入大屏上显示的 6 位数字配对码，并填写设备名称',
  'wrong-code': '配对码错误，请核对大屏上的配对码',
  'too-many': '尝试次数过多，请稍后再试',
  expired: '配对码已过期，请输入大屏上的新配对码',
  refused: '此页面的来源不被大屏接受（请用大屏二维码打开）',
  network: '无法连接大屏服务，请检查网络',
  'no-hub': '这里没有大屏服务，请扫描大屏上的二维码打开遥控器',
  server: '大屏服务出错，请稍后再试',
};

export function pairFailureMessage(failure: PairFailure): string {
  return MESSAGES[failure];
}

/** Classify a refusal by HTTP status first, then by the hub's words (it may answer 200 with ok: false). */
export function classifyPairError(status: number, error: string): PairFailure {
  const text = error.toLowerCase();
  if (status === 429 || /too many|rate|locked|attempt|次数/.test(text)) return 'too-many';
  if (/expire|过期/.test(text)) return 'expired';
  if (/origin|来源/.test(text)) return 'refused';
  if (status >= 500) return 'server';
  if (status === 400 && /6 digits|name|invalid|格式/.test(text) && !/wrong|incorrect|unknown|错误/.test(text)) return 'invalid';
  return 'wrong-code';
}

function isPairReply(value: unknown): value is PairReply {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return typeof v.token === 'string' && typeof v.clientId === 'string' && typeof v.expiresAt === 'number';
  return v.ok === false;
}

export async function pair(code: string, name: string, options: { base?: string; fetch?: typeof fetch } = {}): Promise<PairResult> {
  const request = pairRequestSchema.safeParse({ code: code.trim(), name });
  if (!request.success) return { ok: false, failure: 'invalid', message: MESSAGES.invalid, detail: '' };
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${options.base ?? ''}${HUB_PAIR_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.data),
    });
  } catch (err) {
    return { ok: false, failure: 'network', message: MESSAGES.network, detail: String(err) };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isPairReply(body) && body.ok) {
    return { ok: true, session: { token: body.token, clientId: body.clientId, expiresAt: body.expiresAt, name: request.data.name } };
  }
  // Not a hub's answer at all (a static server's 404 page): the page was opened from the wrong place.
  if (!isPairReply(body)) return { ok: false, failure: 'no-hub', message: MESSAGES['no-hub'], detail: `HTTP ${response.status}` };
  const error = body.ok ? '' : String(body.error);
  const failure = classifyPairError(response.status, error);
  return { ok: false, failure, message: MESSAGES[failure], detail: error.slice(0, 200) || `HTTP ${response.status}` };
}
