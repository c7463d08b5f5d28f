import { useEffect } from 'react';
import { typescriptDefaults } from './monacoSetup';

/** Keeps an ambient declaration file in Monaco's TypeScript service while mounted; a new text replaces it and the open models are checked again. */
export function useExtraLib(path: string, text: string): void {
  useEffect(() => {
    const lib = typescriptDefaults.addExtraLib(text, `file:///tidemark/${path}`);
    return () => lib.dispose();
  }, [path, text]);
}
