/** Layout checks shared by the wall's e2e tests: what sticks out of the window or is cut without an ellipsis. */
import type { Page } from 'playwright-core';

/** Elements inside the stage that stick out of the window, or whose text is cut without an ellipsis. */
export function findOverflow(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${(el.className as unknown as string).toString().slice(0, 40)}`;
    for (const el of Array.from(document.querySelectorAll('[data-testid="stage"] *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || el.closest('[data-testid="ticker-track"]')) continue; // the ticker scrolls by design
      if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1) problems.push(`outside window: ${describe(el)} ${JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round))}`);
      const he = el as HTMLElement;
      const clipsText = he.childElementCount === 0 && (he.textContent ?? '').trim().length > 0;
      if (clipsText && he.scrollWidth > he.clientWidth + 1 && style.overflow !== 'visible' && style.textOverflow !== 'ellipsis') {
        problems.push(`text cut without ellipsis: ${describe(el)} "${he.textContent?.slice(0, 20)}"`);
      }
    }
    return problems;
  });
}

/**
 * Text that sits outside the panel it belongs to: every element with its own visible text (HTML or the
 * charts' SVG <text>) must lie inside its panel's box (1 px tolerance). Returns one line per offender.
 */
export function findTextOutsidePanels(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const panel of Array.from(document.querySelectorAll('[data-scene-layer] [data-testid^="panel-"]'))) {
      const box = panel.getBoundingClientRect();
      for (const el of Array.from(panel.querySelectorAll('*'))) {
        const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 0);
        if (!ownText) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
        // A tooltip floats by design (it follows the pointer / carousel); it is checked elsewhere.
        if (el.closest('[class*="tooltip"], .echarts-tooltip')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) {
          problems.push(`${panel.getAttribute('data-testid')}: "${(el.textContent ?? '').trim().slice(0, 24)}" at ${[r.left, r.top, r.right, r.bottom].map(Math.round).join(',')} outside ${[box.left, box.top, box.right, box.bottom].map(Math.round).join(',')}`);
        }
      }
    }
    return problems;
  });
}
