/**
 * The control lock: one presenter drives the wall; another gets it only by an explicit handover that the
 * holder accepts (or when the holder has been gone longer than the grace period, or releases). Pure: the
 * hub applies the returned lock, sends the toasts and writes the audit lines.
 *
 *   take     nobody holds it → granted. Someone else holds it → a pending handover (the newest asker
 *            replaces an older one) and a toast with `handoverFrom` to the holder.
 *   accept   (holder) control passes to the asker.     decline (holder) the asker is told; holder keeps it.
 *   release  (holder) freed, or passed to a pending asker (they asked; nobody has to answer any more).
 *   lost     the holder was disconnected longer than the grace: like release.
 */
import type { HubState, Toast } from '../../src/presenter/protocol';

export interface Presenter {
  clientId: string;
  name: string;
}

export interface ControlLock {
  controller: HubState['controller'];
  handover: HubState['handover'];
}

export type ControlAction = 'take' | 'release' | 'accept' | 'decline';

export interface ControlResult {
  lock: ControlLock;
  /** Toasts for one client (every socket of that clientId). */
  toasts: { to: string; toast: Toast }[];
  /** One audit line per change of who holds control or of a handover. */
  audit: string[];
  error?: string;
}

export const NOT_IN_CONTROL = '没有控制权 / not in control';

export function applyControl(lock: ControlLock, who: Presenter, action: ControlAction, at: number): ControlResult {
  const holder = lock.controller;
  const isHolder = holder?.clientId === who.clientId;
  const same = (audit: string[] = [], toasts: ControlResult['toasts'] = []): ControlResult => ({ lock, toasts, audit });
  switch (action) {
    case 'take': {
      if (!holder) {
        return {
          lock: { controller: { ...who }, handover: null },
          toasts: [{ to: who.clientId, toast: { level: 'info', text: '已获得控制权 / you are in control' } }],
          audit: [`${who.name} 获得控制权`],
        };
      }
      if (isHolder) return same();
      return {
        lock: { controller: holder, handover: { toClientId: who.clientId, toName: who.name, askedAt: at } },
        toasts: [
          { to: holder.clientId, toast: { level: 'warn', text: `${who.name} 请求控制权 / asks for control`, handoverFrom: { ...who } } },
          { to: who.clientId, toast: { level: 'info', text: `已向 ${holder.name} 请求控制权，等待确认 / waiting for ${holder.name}` } },
        ],
        audit: [`${who.name} 请求控制权（当前：${holder.name}）`],
      };
    }
    case 'accept': {
      if (!isHolder) return { ...same(), error: NOT_IN_CONTROL };
      const h = lock.handover;
      if (!h) return { ...same(), error: '没有待处理的移交请求 / no handover pending' };
      return {
        lock: { controller: { clientId: h.toClientId, name: h.toName }, handover: null },
        toasts: [
          { to: h.toClientId, toast: { level: 'info', text: `${who.name} 已移交控制权 / you are in control` } },
          { to: who.clientId, toast: { level: 'info', text: `控制权已移交给 ${h.toName} / handed over` } },
        ],
        audit: [`${who.name} 将控制权移交给 ${h.toName}`],
      };
    }
    case 'decline': {
      if (!isHolder) return { ...same(), error: NOT_IN_CONTROL };
      const h = lock.handover;
      if (!h) return { ...same(), error: '没有待处理的移交请求 / no handover pending' };
      return {
        lock: { controller: holder, handover: null },
        toasts: [{ to: h.toClientId, toast: { level: 'warn', text: `${who.name} 拒绝移交控制权 / handover declined` } }],
        audit: [`${who.name} 拒绝将控制权移交给 ${h.toName}`],
      };
    }
    case 'release':
      if (!isHolder) return { ...same(), error: NOT_IN_CONTROL };
      return passOn(lock, `${who.name} 释放控制权`);
  }
}

/** The holder was gone longer than the grace period: free the lock (or give it to whoever asked). */
export function loseControl(lock: ControlLock, graceMs: number): ControlResult {
  if (!lock.controller) return { lock, toasts: [], audit: [] };
  return passOn(lock, `${lock.controller.name} 断开超过 ${Math.round(graceMs / 1000)} 秒，失去控制权`);
}

function passOn(lock: ControlLock, why: string): ControlResult {
  const h = lock.handover;
  if (!h) return { lock: { controller: null, handover: null }, toasts: [], audit: [why] };
  return {
    lock: { controller: { clientId: h.toClientId, name: h.toName }, handover: null },
    toasts: [{ to: h.toClientId, toast: { level: 'info', text: '已获得控制权 / you are in control' } }],
    audit: [why, `${h.toName} 获得控制权（之前已请求）`],
  };
}
