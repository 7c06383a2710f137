import type { SourceKind, SourceStatus } from '../../data-adapters/source';

/** What the health indicator says for each source status (exhaustive over the union). */
export function statusText(status: SourceStatus, kind: SourceKind | null): string {
  switch (status) {
    case 'idle':
      return '未连接';
    case 'loading':
      return '加载中';
    case 'playing':
      return kind === 'recorded' ? '回放中' : '实时';
    case 'paused':
      return '已暂停';
    case 'ended':
      return '回放结束';
    case 'error':
      return '数据源异常';
    default: {
      const never: never = status;
      return String(never);
    }
  }
}

export type HealthTone = 'ok' | 'warn' | 'bad';

export function healthTone(status: SourceStatus, rejected: number): HealthTone {
  if (status === 'error') return 'bad';
  if (rejected > 0 || status === 'idle' || status === 'loading' || status === 'ended') return 'warn';
  return 'ok';
}
