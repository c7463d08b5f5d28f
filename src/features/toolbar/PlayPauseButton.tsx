import { pause, play, useAppStore } from '../../state';

/** Reads "Play" while paused and "Pause" while playing. */
export function PlayPauseButton() {
  const playing = useAppStore((s) => s.playing);
  const ready = useAppStore((s) => s.frame !== null);
  return (
    <button
      type="button"
      className="primary toolbar-play"
      disabled={!ready}
      onClick={() => void (playing ? pause() : play())}
    >
      <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
      {playing ? 'Pause' : 'Play'}
    </button>
  );
}
