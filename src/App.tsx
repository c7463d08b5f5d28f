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
import { TrustDialogHost } from './features/trust/TrustDialogHost';
import { KindUiContext } from './features/kindUi/KindUiContext';
import { KIND_COLOR_VARIABLES, KIND_UI } from './kinds/uiRegistry';
import { startTidemark } from './state';

/** The application shell: toolbar, palette, canvas, inspector, timeline and log in one grid. */
export function App() {
  useEffect(() => {
    void startTidemark();
  }, []);

  // The provider sits above the palette so a click there can place a node in the canvas's viewport.
  // Features read each kind's card, panel and colour from the UI registry given here.
  return (
    <KindUiContext value={KIND_UI}>
      <ReactFlowProvider>
        <div className="app" style={KIND_COLOR_VARIABLES}>
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
          <TrustDialogHost />
          <ReplaceFlowDialog />
        </div>
      </ReactFlowProvider>
    </KindUiContext>
  );
}
