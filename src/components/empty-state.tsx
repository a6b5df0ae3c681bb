import { Content, Heading, IllustratedMessage } from '@react-spectrum/s2'
import NoItems from '@react-spectrum/s2/illustrations/linear/FolderOpen'
import type { ReactNode } from 'react'

export interface EmptyStateProps {
  heading: string
  children?: ReactNode
}

/** Shown where a list has nothing yet; the heading says what is missing, the content what to do. */
export function EmptyState({ heading, children }: EmptyStateProps) {
  return (
    <IllustratedMessage size="S">
      <NoItems />
      <Heading level={2}>{heading}</Heading>
      {children ? <Content>{children}</Content> : null}
    </IllustratedMessage>
  )
}
