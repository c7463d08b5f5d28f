import { BranchSelect } from './BranchSelect';
import { DeleteBranchControl } from './DeleteBranchControl';
import { ExampleSelect } from './ExampleSelect';
import { ExportFlowButton } from './ExportFlowButton';
import { FlowName } from './FlowName';
import { ForkControl } from './ForkControl';
import { NotSavingStatus } from './NotSavingStatus';
import { OpenFlowFile } from './OpenFlowFile';
import { PlayPauseButton } from './PlayPauseButton';
import { ResetButton } from './ResetButton';
import { RunStatus } from './RunStatus';
import { SchemasButton } from './SchemasButton';
import { SpeedRadios } from './SpeedRadios';
import { StepButton } from './StepButton';
import { TrustStatus } from '../trust/TrustStatus';
import './toolbar.css';

/** The header: run controls, branches, status and the flow's file actions. */
export function RunToolbar() {
  return (
    <div className="toolbar" role="toolbar" aria-label="Run controls">
      <span className="toolbar-brand" aria-hidden="true">
        ≋ Tidemark
      </span>
      <FlowName />
      <TrustStatus />
      <NotSavingStatus />
      <div className="toolbar-group toolbar-files">
        <ExampleSelect />
        <OpenFlowFile />
        <ExportFlowButton />
        <SchemasButton />
      </div>
      <div className="toolbar-group">
        <PlayPauseButton />
        <StepButton />
        <SpeedRadios />
      </div>
      <div className="toolbar-group">
        <ForkControl />
        <BranchSelect />
        <DeleteBranchControl />
        <ResetButton />
      </div>
      <RunStatus />
    </div>
  );
}
