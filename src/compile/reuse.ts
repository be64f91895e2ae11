import type { DiagnosticSink } from '../diagnostics/index.js';
import type { LoadedModule } from '../modules/loader.js';

/** Thrown when a partial compile finds that a module it was to keep is affected too. */
export class ReuseMismatch extends Error {}

/**
 * Records, for each module compiled, the other modules whose schema trees its compile may
 * have read once its own tree was built: the passes resolving augment, deviation, leafref,
 * when/must and default paths (and whatever else they look up). Every name of another module
 * is reached through a prefix of the file it is written in, so the prefix maps of the loaded
 * files are where it shows; the reader is the module the diagnostics sink attributes to
 * (`sink.owner`): the one whose IR and diagnostics the lookup goes into. Passes reading a tree
 * without a prefix (XPath names without one, written in another module's grouping) call `note`.
 * Names looked up while building trees (typedefs, groupings, identities, features, extensions)
 * are not recorded: which definitions a module uses is read from the sources.
 */
export class SchemaReads {
  readonly byModule = new Map<string, Set<string>>();
  /** Off while modules build their own trees, on for the passes after. */
  recording = false;

  constructor(
    private readonly sink: DiagnosticSink,
    modules: Iterable<LoadedModule>,
  ) {
    const note = (module: string): void => this.note(module);
    for (const loaded of modules) {
      for (const unit of [loaded.main, ...loaded.submodules]) unit.prefixes = new RecordingPrefixes(unit.prefixes, note);
    }
  }

  /** Notes that the module being compiled read `module`'s schema trees. */
  note(module: string): void {
    const reader = this.sink.owner;
    if (!this.recording || reader === undefined || reader === module) return;
    let set = this.byModule.get(reader);
    if (!set) this.byModule.set(reader, (set = new Set()));
    set.add(module);
  }
}

/** A prefix map that reports every module it resolves a prefix to. */
class RecordingPrefixes extends Map<string, string> {
  private readonly note: (module: string) => void;

  constructor(entries: Map<string, string>, note: (module: string) => void) {
    super(entries);
    this.note = note;
  }

  override get(prefix: string): string | undefined {
    const module = super.get(prefix);
    if (module !== undefined) this.note(module);
    return module;
  }
}
