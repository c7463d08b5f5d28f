import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { CanvasArea } from './features/canvas/CanvasArea';
import { Inspector } from './features/inspector/Inspector';
import { EventLog } from './features/log/EventLog';
import { NoticeArea } from './features/notices/NoticeArea';
import { Palette } from './features/palette/Palette';
import { SchemasPanelHost } from './features/schemas/SchemasPanelHost';
import { Timeline } from './features/timeline/Timeline';
import { RunToolbar } from './features/toolbar/RunToolbar';
import { ReplaceFlowDialog } from './features/trust/ReplaceFlowDialog';
import { TrustBanner } from './features/trust/TrustBanner';
import { TrustDialog } from './features/trust/TrustDialog';
import { startTidemark } from './state';

/** The application shell: toolbar, palette, canvas, inspector, timeline and log in one grid. */
export function App() {
  useEffect(() => {
    void startTidemark();
  }, []);

  // The provider sits above the palette so a click there can place a node in the canvas's viewport.
  return (
    <ReactFlowProvider>
      <div className="app">
        <header className="app-header nokey">
          <RunToolbar />
        </header>
        <Palette />
        <main className="app-main">
          <TrustBanner />
          <NoticeArea />
          <CanvasArea />
        </main>
        <Inspector />
        <SchemasPanelHost />
        <footer className="app-bottom nokey">
          <Timeline />
          <EventLog />
        </footer>
        <TrustDialog />
        <ReplaceFlowDialog />
      </div>
    </ReactFlowProvider>
  );
}
