import { Button, Link, ProgressCircle, Provider } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { paths } from '../../config/paths'
import { ROLE_LABELS } from '../../app/role-store'
import { STORY_PANEL_ATTRIBUTE } from './find-target'
import type { StoryView } from './story-runner'

export interface StoryCommands {
  back: () => void
  next: () => void
  fastForward: () => void
  play: () => void
  pause: () => void
  playAgain: () => void
  exit: () => void
}

/**
 * Fixed at the bottom right, where the screens put no buttons of their own (step cards and forms
 * keep theirs on the left). It is rendered straight into the body with a z-index: inside the app's
 * S2 Provider (`isolation: isolate`) any z-index stays under a modal's underlay, which S2 portals
 * to the body after it, and the underlay would dim the panel and take its clicks. Above the
 * underlay, it must not cover the dialog: it moves beside an open dialog (or menu) it would overlap.
 */
const MARGIN = 16
const WIDTH = 400
const MIN_SIDE_WIDTH = 240
const corner: CSSProperties = { position: 'fixed', insetInlineEnd: MARGIN, bottom: MARGIN, zIndex: 1000, width: WIDTH }

/** The open dialog or menu on top (not a toast, which is a top layer like the panel). */
function openOverlay(): HTMLElement | undefined {
  return [...document.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"], [role="menu"]')]
    .filter((d) => !d.closest('[data-react-aria-top-layer]'))
    .at(-1)
}

/** Bottom right, or at the left of an open dialog or menu that the panel would cover there. */
function usePlacement(frame: { current: HTMLElement | null }): CSSProperties {
  const [sideWidth, setSideWidth] = useState<number | undefined>(undefined)
  useEffect(() => {
    let raf = 0
    const update = () => {
      cancelAnimationFrame(raf)
      raf = requestAnimationFrame(() => {
        const dialog = openOverlay()?.getBoundingClientRect()
        const height = frame.current?.getBoundingClientRect().height ?? 0
        const overlaps =
          dialog !== undefined &&
          dialog.right > window.innerWidth - MARGIN - WIDTH &&
          dialog.bottom > window.innerHeight - MARGIN - height
        const room = dialog ? dialog.left - 2 * MARGIN : 0
        setSideWidth(overlaps && room >= MIN_SIDE_WIDTH ? Math.min(WIDTH, room) : undefined)
      })
    }
    // Dialogs and menus are portalled into the body: its children change when one opens or closes.
    const observer = new MutationObserver(update)
    observer.observe(document.body, { childList: true })
    window.addEventListener('resize', update)
    update()
    return () => {
      cancelAnimationFrame(raf)
      observer.disconnect()
      window.removeEventListener('resize', update)
    }
  }, [frame])
  return sideWidth === undefined
    ? corner
    : { position: 'fixed', insetInlineStart: MARGIN, bottom: MARGIN, zIndex: 1000, width: sideWidth }
}

const panel = style({
  display: 'flex',
  flexDirection: 'column',
  gap: 8,
  padding: 16,
  maxWidth: '[calc(100vw - 32px)]',
  backgroundColor: 'layer-2',
  borderRadius: 'lg',
  boxShadow: 'elevated',
  borderWidth: 2,
  borderStyle: 'solid',
  borderColor: 'blue-800',
  font: 'body',
})
const row = style({ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' })
const small = style({ font: 'body-sm', margin: 0 })

/**
 * A top layer for React Aria (`data-react-aria-top-layer`): an open modal neither makes it inert
 * nor aria-hidden, a press in it does not dismiss the modal, and focus may move into it while the
 * modal keeps Tab inside itself. F6 (or Shift+F6) moves the focus into the panel from anywhere,
 * an open dialog included, and from the panel back to where it was; Tab from the panel's last
 * button also goes on into a dialog, which comes after it in the document (ADR 013).
 */
export function StoryPanelFrame({ children }: { children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null)
  const placement = usePlacement(frame)
  return createPortal(
    <div ref={frame} data-react-aria-top-layer="true" style={placement}>
      <Provider>
        <Region>{children}</Region>
      </Provider>
    </div>,
    document.body,
  )
}

function Region({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLElement>(null)
  useF6Toggle(ref)
  return (
    <section
      ref={ref}
      role="region"
      aria-label="Story"
      tabIndex={-1}
      {...{ [STORY_PANEL_ATTRIBUTE]: '' }}
      data-react-aria-top-layer="true"
      className={panel}
    >
      {children}
    </section>
  )
}

/**
 * F6 toggles the focus between the panel (its first enabled button) and where it was. Taken in
 * the capture phase, before React Aria's landmark navigation: while a story runs, F6 is the
 * panel's. A modal's focus containment lets the focus into a top layer.
 */
function useF6Toggle(ref: { current: HTMLElement | null }) {
  useEffect(() => {
    let cameFrom: HTMLElement | null = null
    const onKey = (event: KeyboardEvent) => {
      const panel = ref.current
      if (event.key !== 'F6' || event.altKey || event.ctrlKey || event.metaKey || !panel) return
      const active = document.activeElement instanceof HTMLElement ? document.activeElement : null
      if (active && panel.contains(active)) {
        if (!cameFrom?.isConnected || cameFrom.closest('[inert]')) return
        cameFrom.focus()
      } else {
        cameFrom = active
        const first = panel.querySelector<HTMLElement>('button:not([disabled]), a[href]')
        ;(first ?? panel).focus()
      }
      event.preventDefault()
      event.stopPropagation()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [ref])
}

export function StoryPanel({ view, commands }: { view: StoryView; commands: StoryCommands }) {
  return (
    <StoryPanelFrame>
      <h2 className={style({ font: 'title', margin: 0 })}>{view.story.title}</h2>
      {view.phase === 'complete' ? <Complete view={view} commands={commands} /> : <Running view={view} commands={commands} />}
    </StoryPanelFrame>
  )
}

function Running({ view, commands }: { view: StoryView; commands: StoryCommands }) {
  const { story, index, done, phase, playing } = view
  const step = story.steps[index]
  const last = index === story.steps.length - 1
  const stepDone = done[index] === true
  let body: ReactNode
  if (phase === 'starting') body = <p className={small}>The simulator is being reset to the {story.scenario} scenario.</p>
  else if (phase === 'failed') body = <p className={small}>The story could not start: {view.problem}</p>
  else
    body = (
      <>
        <p className={style({ margin: 0 })}>{step?.narration}</p>
        {view.skipped[index] ? <p className={small}>{view.skipped[index]}</p> : null}
        {!view.onScreen && view.screenHref ? (
          <p className={small}>
            This step happens on another page: <Link href={view.screenHref}>go there</Link>.
          </p>
        ) : null}
        {view.problem ? (
          <p role="alert" className={small}>
            {view.problem}
          </p>
        ) : null}
      </>
    )
  return (
    <>
      <p className={style({ font: 'detail', margin: 0 })}>
        Step {index + 1} of {story.steps.length}
        {stepDone ? ' · done' : ''}
      </p>
      <div aria-live="polite" className={style({ display: 'flex', flexDirection: 'column', gap: 8 })}>
        {body}
      </div>
      {view.busy ? (
        <div className={row}>
          <ProgressCircle size="S" isIndeterminate aria-label={view.busy} />
          <span className={small}>{view.busy}</span>
        </div>
      ) : null}
      <div className={row}>
        <Button variant="secondary" size="S" onPress={commands.back} isDisabled={index === 0 || phase !== 'running'}>
          Back
        </Button>
        {step?.fastForward && !stepDone && phase === 'running' ? (
          <Button
            variant="secondary"
            size="S"
            data-story-control="fast-forward"
            onPress={commands.fastForward}
            isPending={view.busy !== undefined}
          >
            Fast-forward
          </Button>
        ) : null}
        <Button variant="accent" size="S" data-story-control="next" onPress={commands.next} isDisabled={!stepDone}>
          {last ? 'Finish' : 'Next'}
        </Button>
        {playing ? (
          <Button variant="secondary" size="S" onPress={commands.pause}>
            Pause
          </Button>
        ) : (
          <Button variant="secondary" size="S" onPress={commands.play} isDisabled={phase !== 'running'}>
            Play
          </Button>
        )}
        <Button variant="secondary" size="S" onPress={commands.exit}>
          Exit
        </Button>
      </div>
    </>
  )
}

function Complete({ view, commands }: { view: StoryView; commands: StoryCommands }) {
  const skipped = view.skipped.filter((s): s is string => s !== undefined)
  return (
    <>
      <p role="status" className={style({ font: 'title-sm', margin: 0 })}>
        Story complete
      </p>
      <p className={small}>{view.story.summary}</p>
      {view.executions.length > 0 ? (
        <ul className={style({ margin: 0, paddingStart: 16 })}>
          {view.executions.map((e) => (
            <li key={e.executionId} className={small}>
              <Link href={paths.execution.getHref(e.programId, e.pipelineId, e.executionId)}>
                {`${e.pipelineName}, execution ${e.executionId}`}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {skipped.map((s) => (
        <p key={s} className={small}>
          {s}
        </p>
      ))}
      {view.ownRole ? <p className={small}>You are back in your own role, {ROLE_LABELS[view.ownRole]}.</p> : null}
      <div className={row}>
        <Button variant="accent" size="S" onPress={commands.playAgain}>
          Play again
        </Button>
        <Button variant="secondary" size="S" onPress={commands.exit}>
          Exit
        </Button>
      </div>
    </>
  )
}
