// Finds and reads a project's goals: a file named on the command line, else `vigil.goals.json`
// at the project's root (as ingest found it, else the marker folder above the run's reports).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ProjectResolver } from '../ingest/project-name.js';
import { GOALS_FILE_NAME, GoalsFileError, parseGoals, type Goal } from './goals-file.js';

export interface LoadedGoals {
  source: string | null;
  error: string | null;
  searched: string[];
  goals: Goal[];
}

export interface GoalsLocation {
  /** Named explicitly (`--goals FILE`): must exist. */
  explicit?: string;
  /** The project's root as stored at ingest, if any. */
  projectRoot: string | null;
  /** Paths of the run's report files, to find the root when none was stored. */
  sources: readonly string[];
}

function candidateFolders(location: GoalsLocation): string[] {
  const folders = new Set<string>();
  if (location.projectRoot) folders.add(location.projectRoot);
  const resolver = new ProjectResolver();
  for (const source of location.sources) {
    const root = resolver.forReport(source).root;
    if (root) folders.add(root);
  }
  return [...folders];
}

function read(path: string): LoadedGoals {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { source: path, error: `${path}: cannot read the goals file (${code ?? (error as Error).message})`, searched: [path], goals: [] };
  }
  try {
    return { source: path, error: null, searched: [path], goals: parseGoals(text, path) };
  } catch (error) {
    if (error instanceof GoalsFileError) return { source: path, error: error.message, searched: [path], goals: [] };
    throw error;
  }
}

export function loadGoals(location: GoalsLocation): LoadedGoals {
  if (location.explicit !== undefined) return read(resolve(location.explicit));
  const searched: string[] = [];
  for (const folder of candidateFolders(location)) {
    const path = join(folder, GOALS_FILE_NAME);
    searched.push(path);
    if (existsSync(path)) return read(path);
  }
  return { source: null, error: null, searched, goals: [] };
}
