import { type Task, TaskStatus } from '@lit/task'
import { html } from 'lit'
import './components/error-state.ts'
import './components/loading-state.ts'

/**
 * Renders a task's state: a loading message while it runs, its value when done, and an error
 * with a button to try again when it fails.
 */
export function taskView<R>(
  task: Task<readonly unknown[], R>,
  complete: (value: R) => unknown,
  options: { loading?: string } = {}
): unknown {
  switch (task.status) {
    case TaskStatus.INITIAL:
    case TaskStatus.PENDING:
      return html`<loading-state .label=${options.loading}></loading-state>`
    case TaskStatus.COMPLETE:
      return complete(task.value as R)
    case TaskStatus.ERROR:
      return html`<error-state .error=${task.error} @retry=${() => task.run()}></error-state>`
    default:
      throw new Error(`Unknown task status ${task.status satisfies never}`)
  }
}
