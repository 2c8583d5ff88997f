/** A promise a test resolves by hand: `await gate.opened` waits until someone calls `gate.open()`. */
export function gate() {
  let open: () => void = () => {}
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { opened, open }
}
