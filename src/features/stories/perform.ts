/**
 * What Play does to a target, as a user would: move the focus to it, then press it (a click, the
 * way assistive technology activates a control) or type into it key by key.
 */
import { isCheck, isFill, type Target } from './story-model'

export type Sleep = (ms: number) => Promise<void>

/** React tracks an input's value itself: set it through the native setter so onChange sees it. */
function setNativeValue(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value)
  el.dispatchEvent(new Event('input', { bubbles: true }))
}

export async function perform(element: HTMLElement, target: Target, sleep: Sleep, keyMs: number): Promise<void> {
  element.focus({ preventScroll: true })
  if (isFill(target)) {
    const field = element as HTMLInputElement
    setNativeValue(field, '')
    for (let i = 1; i <= target.value.length; i++) {
      setNativeValue(field, target.value.slice(0, i))
      await sleep(keyMs)
    }
    return
  }
  if (isCheck(target) && (element as HTMLInputElement).checked) return
  element.click()
}
