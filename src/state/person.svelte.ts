import { LOCAL_AUTHOR } from '../core/model/local-author';

const NAME_KEY = 'frustum.person';

/**
 * Who works in this browser: a local name the person sets once, kept across visits and written on every record
 * they make (journal entries, the authorship of labels, verdicts, issues, versions). No accounts: two people who
 * share a browser profile share a name until one of them changes it. Until a name is set, records say `local`.
 */
export class PersonState {
  name = $state('');

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {
    this.name = storage?.getItem(NAME_KEY)?.trim() ?? '';
  }

  /** The name records are made under. */
  get author(): string {
    return this.name || LOCAL_AUTHOR;
  }

  /** Sets the name; a blank one is refused (false), so that records never lose their author. */
  setName(name: string): boolean {
    const trimmed = name.trim();
    if (!trimmed) return false;
    this.name = trimmed;
    this.storage?.setItem(NAME_KEY, trimmed);
    return true;
  }
}
