// What a database says when a write breaks one of its constraints. Which category a violation
// points to depends on where the row came from (a fixture's leftover, a test's duplicate, the
// product's own write), so the same patterns are read by the rules of several categories.
// The embedded JVM databases that tests often run on say it in their own standard words: H2
// ("Unique index or primary key violation", error 23505), HSQLDB ("integrity constraint
// violation: unique constraint or index violation") and Derby ("...would have caused a duplicate
// key value in a unique or primary key constraint or unique index").

export const UNIQUE_VIOLATION =
  /UNIQUE constraint failed[^\n]*|duplicate key value violates unique constraint[^\n]*|Duplicate entry [^\n]* for key[^\n]*|E11000 duplicate key[^\n]*|ORA-00001[^\n]*|Violation of (?:PRIMARY|UNIQUE) KEY constraint[^\n]*|UniqueViolation[^\n]*|SQLITE_CONSTRAINT_(?:UNIQUE|PRIMARYKEY)|PRIMARY KEY must be unique|columns? [^\n]{1,80} (?:is|are) not unique|Unique constraint failed on the[^\n]*|Cannot insert duplicate key[^\n]*|DuplicateKeyException[^\n]*|unique constraint \(?[\w.]+\)? violated|Unique index or primary key violation[^\n]*|unique constraint or index violation[^\n]*|caused a duplicate key value in a unique or primary key constraint[^\n]*/i;

/** A row written without a value its schema requires: the writer left a field out. */
export const NOT_NULL_VIOLATION =
  /null value in column [^\n]{0,80}violates not-null constraint[^\n]*|NOT NULL constraint failed[^\n]*|Column '[^'\n]+' cannot be null[^\n]*|cannot insert NULL into[^\n]*|ORA-01400[^\n]*|SQLITE_CONSTRAINT_NOTNULL[^\n]*/i;

/**
 * SQLAlchemy's failed-session error quotes the error that broke the session. When it is there,
 * that error, not the broken session, says what happened.
 */
export const ORIGINAL_ERROR_QUOTED = /Original exception was:/;

/**
 * The Latin words of Faker's Lorem provider (PHP, Ruby, Python and JS Faker share the list),
 * which factories use for names, titles and codes. There are some 180 of them: a factory that
 * draws one for a unique column repeats one within a few dozen rows now and then. Words of
 * four letters or more only, less "error" and "alias": the short ones ("et", "sit") and those
 * two are English or code too often.
 */
const FAKER_LOREM_WORD = '(?:consequatur|perferendis|voluptatem|accusantium|doloremque|aperiam|eaque|ipsa|quae|illo|inventore|veritatis|quasi|architecto|beatae|vitae|dicta|sunt|explicabo|aspernatur|odit|fugit|quia|consequuntur|magni|dolores|ratione|sequi|nesciunt|neque|dolorem|ipsum|dolor|amet|consectetur|adipisci|velit|numquam|eius|modi|tempora|incidunt|labore|dolore|magnam|aliquam|quaerat|enim|minima|veniam|quis|nostrum|exercitationem|ullam|corporis|nemo|ipsam|voluptas|suscipit|laboriosam|nisi|aliquid|commodi|autem|iure|reprehenderit|voluptate|esse|quam|nihil|molestiae|iusto|odio|dignissimos|ducimus|blanditiis|praesentium|laudantium|totam|voluptatum|deleniti|atque|corrupti|quos|quas|molestias|excepturi|sint|occaecati|cupiditate|provident|perspiciatis|unde|omnis|iste|natus|similique|culpa|officia|deserunt|mollitia|animi|laborum|dolorum|fuga|harum|quidem|rerum|facilis|expedita|distinctio|libero|tempore|soluta|nobis|eligendi|optio|cumque|impedit|porro|quisquam|minus|quod|maxime|placeat|facere|possimus|assumenda|repellendus|temporibus|quibusdam|illum|fugiat|nulla|pariatur|vero|accusamus|officiis|debitis|necessitatibus|saepe|eveniet|voluptates|repudiandae|recusandae|itaque|earum|tenetur|sapiente|delectus|reiciendis|voluptatibus|maiores|doloribus|asperiores|repellat)';

/** A unique violation whose duplicated value is one Faker lorem word: the factory drew the same random word twice. */
export const FAKER_WORD_COLLISION = new RegExp(
  `Duplicate entry '${FAKER_LOREM_WORD}' for key[^\\n]*|Key \\([\\w, "]+\\)=\\(${FAKER_LOREM_WORD}(?:, [^()\\n]{0,80})?\\) already exists[^\\n]*`,
  'i',
);
