/**
 * The operator overlay, opened by the main process when the operator key combination is pressed on the
 * wall (the page cannot open it itself). Keyboard only (the cursor is hidden): digits for the PIN, 1/2/3
 * to choose exit / reload all / close, Enter to submit, Esc to close. The main process checks the PIN and
 * carries out the action. Built with textContent only.
 */
import type { CitywallBridge, OperatorAction, OperatorPanelInfo } from '../../electron/bridge-types';

const ACTIONS: { key: string; action: OperatorAction; label: string }[] = [
  { key: '1', action: 'exit', label: '退出大屏 Exit kiosk' },
  { key: '2', action: 'reload', label: '全部重新加载 Reload all windows' },
  { key: '3', action: 'close', label: '关闭本面板 Close this panel' },
];

export function openOperatorOverlay(bridge: CitywallBridge, info: OperatorPanelInfo): void {
  document.querySelector('[data-testid="operator-overlay"]')?.remove();
  const box = document.createElement('div');
  box.dataset.testid = 'operator-overlay';
  box.style.cssText = 'position:fixed;inset:auto;left:50%;top:50%;transform:translate(-50%,-50%);z-index:10001;min-width:640px;padding:32px;font:24px/1.5 "Noto Sans SC",sans-serif;color:#eaf6ff;background:#031230;border:2px solid #22d3ee;box-shadow:0 0 30px rgba(34,211,238,.6)';
  const line = (text: string, css = '') => {
    const p = document.createElement('div');
    p.textContent = text;
    p.style.cssText = css;
    box.appendChild(p);
    return p;
  };
  line('运维面板 Operator', 'font-size:32px;font-weight:700;margin-bottom:12px');
  line(`${info.mode === 'tile' ? '分屏 tile' : '跨屏 span'} · 墙面 ${info.wall.width}×${info.wall.height} · 窗口 ${info.windows.map((w) => w.key).join(' ')}`);
  for (const w of info.warnings) line(`⚠ ${w}`, 'color:#fbbf24;font-size:20px');
  let action: OperatorAction = 'close';
  const choices = ACTIONS.map((a) => line(`${a.key}  ${a.label}`));
  const pinLine = line('PIN: ', 'margin-top:12px;font-variant-numeric:tabular-nums');
  const status = line('', 'color:#fbbf24');
  let pin = '';
  const render = () => {
    choices.forEach((el, i) => (el.style.color = ACTIONS[i]!.action === action ? '#22d3ee' : '#9cc3e6'));
    pinLine.textContent = `PIN: ${'●'.repeat(pin.length)}`;
  };
  const close = () => {
    window.removeEventListener('keydown', onKey, true);
    box.remove();
  };
  const onKey = (e: KeyboardEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Escape') return close();
    if (e.key === 'Backspace') pin = pin.slice(0, -1);
    else if (/^\d$/.test(e.key) && !e.altKey && e.ctrlKey === false && pin.length < 32) {
      const choice = ACTIONS.find((a) => a.key === e.key);
      if (e.shiftKey && choice) action = choice.action;
      else pin += e.key;
    } else if (e.key === 'Enter') {
      const sent = pin;
      pin = '';
      void bridge.operatorSubmit({ pin: sent, action }).then((r) => {
        status.textContent = r.message;
        if (r.ok && action === 'close') close();
      });
    }
    render();
  };
  line('Shift+1/2/3 选择操作 choose · 数字 PIN · Enter 确认 · Esc 关闭', 'font-size:18px;color:#7fdcff;margin-top:8px');
  window.addEventListener('keydown', onKey, true);
  document.body.appendChild(box);
  render();
}
