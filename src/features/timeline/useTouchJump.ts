import { useCallback, useState, type KeyboardEvent } from 'react';
import { jumpTouchingStep, useAppStore } from '../../state';

const DIRECTIONS: Readonly<Record<string, 'next' | 'previous'>> = { ArrowRight: 'next', ArrowLeft: 'previous' };

/**
 * Alt+← / Alt+→ on the slider: the previous / next step that touches the selected node; the message says what happened.
 * `sendPendingSeek` first sends a seek the slider still holds (End pressed a moment before), so the jump starts where it lands.
 */
export function useTouchJump(sendPendingSeek: () => void): {
  onKeyDown: (event: KeyboardEvent) => void;
  message: string | null;
} {
  // Said only while the run is where the jump left it.
  const [said, setSaid] = useState<{ text: string; cursor: number } | null>(null);
  const cursor = useAppStore((s) => s.frame?.cursor ?? 0);
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const direction = DIRECTIONS[event.key];
      if (!direction || !event.altKey) return;
      // Alt+← is also the browser's Back: the slider takes it while focused.
      event.preventDefault();
      sendPendingSeek();
      const { flow, selectedNodeId } = useAppStore.getState();
      const name = flow?.nodes.find((n) => n.id === selectedNodeId)?.name ?? '';
      const setMessage = (text: string | null, at = useAppStore.getState().frame?.cursor ?? 0) =>
        setSaid(text === null ? null : { text, cursor: at });
      void jumpTouchingStep(direction).then((jump) => {
        if (jump.kind === 'no-node')
          setMessage('Select a node first: Alt+← and Alt+→ jump between the steps that touch it.');
        else if (jump.kind === 'none')
          setMessage(`No ${direction === 'next' ? 'later' : 'earlier'} step touches ${name}.`);
        else if (jump.kind === 'moved')
          setMessage(
            `${direction === 'next' ? 'Next' : 'Previous'} step touching ${name}: ${jump.step}`,
            jump.step + 1,
          );
        else setMessage(null);
      });
    },
    [sendPendingSeek],
  );
  return { onKeyDown, message: said !== null && said.cursor === cursor ? said.text : null };
}
