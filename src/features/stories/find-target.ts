/**
 * Finds a story's target on the screen the way assistive technology sees it: by accessible role
 * and name (dom-accessibility-api implements the W3C algorithms), skipping whatever a modal hides
 * (aria-hidden) and the story panel itself.
 */
import { computeAccessibleName, getRole, isInaccessible } from 'dom-accessibility-api'
import { isCheck, isFill, isPick, isSee, roleOf, type Target } from './story-model'

export const STORY_PANEL_ATTRIBUTE = 'data-story-panel'
export const TARGET_ATTRIBUTE = 'data-story-target'

const CANDIDATES = 'button, a[href], input, textarea, select, h1, h2, h3, h4, h5, h6, [role]'
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim()
/** A required field's name carries a marker ("Name (required)", "Name *"); stories name the field. */
const withoutRequired = (name: string) => name.replace(/\s*(\(required\)|\*)$/, '')

/**
 * Usable now: not the story panel's own, not hidden from assistive technology (React Aria hides
 * what is outside an open overlay with `inert` where browsers support it, else aria-hidden), and
 * not disabled (a control still loading is not the one to press yet).
 */
function accessible(el: Element): boolean {
  if (el.closest(`[${STORY_PANEL_ATTRIBUTE}]`) || el.closest('[inert]') || isInaccessible(el)) return false
  return !el.hasAttribute('disabled') && el.getAttribute('aria-disabled') !== 'true'
}

/** Every element under `root` with this role whose name passes `matches`. */
export function findAllByRole(root: ParentNode, role: string, matches: (name: string) => boolean): HTMLElement[] {
  const out: HTMLElement[] = []
  for (const el of root.querySelectorAll<HTMLElement>(CANDIDATES)) {
    // A native <option> belongs to a hidden <select> kept for forms; the list shows role="option".
    if (getRole(el) !== role || el.tagName === 'OPTION' || !accessible(el)) continue
    if (matches(withoutRequired(normalize(computeAccessibleName(el))))) out.push(el)
  }
  return out
}

/** The dialog on top, where `in: 'dialog'` targets are looked for. */
function openDialog(doc: Document): HTMLElement | undefined {
  const dialogs = [...doc.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"]')].filter(accessible)
  return dialogs.at(-1)
}

export interface Found {
  element: HTMLElement
  /** The target is already as the story wants it (a field filled, a radio checked, an option picked). */
  satisfied: boolean
}

/**
 * Where the target is now, if it is on screen. A picker resolves to its open list's option, or to
 * the picker button while the list is closed.
 */
export function findTarget(doc: Document, target: Target): Found | undefined {
  const root = target.in === 'dialog' ? openDialog(doc) : doc.body
  if (!root) return undefined
  if (isPick(target)) {
    const option = findAllByRole(doc.body, 'option', (n) => n === target.pick)[0]
    if (option) return { element: option, satisfied: false }
    // A picker's button is named by its value, then its label.
    const picker = findAllByRole(root, 'button', (n) => n.endsWith(target.name))[0]
    if (!picker) return undefined
    return { element: picker, satisfied: normalize(computeAccessibleName(picker)).includes(target.pick) }
  }
  const element = findAllByRole(root, roleOf(target), (n) => n === target.name)[0]
  if (!element) return undefined
  // Something to show is marked whole (a warning's heading, its alert around it), and is as wanted once there.
  if (isSee(target)) return { element: element.closest<HTMLElement>('[role="alert"]') ?? element, satisfied: true }
  if (isFill(target)) return { element, satisfied: (element as HTMLInputElement).value === target.value }
  if (isCheck(target)) return { element, satisfied: (element as HTMLInputElement).checked }
  return { element, satisfied: false }
}

/** Marks `element` as the one to press now (and only it). */
export function markCurrent(doc: Document, element: HTMLElement | undefined): void {
  for (const el of doc.querySelectorAll(`[${TARGET_ATTRIBUTE}]`)) if (el !== element) el.removeAttribute(TARGET_ATTRIBUTE)
  if (element && element.getAttribute(TARGET_ATTRIBUTE) !== 'current') {
    element.setAttribute(TARGET_ATTRIBUTE, 'current')
    element.scrollIntoView?.({ block: 'center', behavior: 'smooth' })
  }
}
