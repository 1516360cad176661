//! First-run import of the content's comment threads into the database.

use gazette_model::contract::CommentList;

use crate::content::Content;
use crate::db::Db;

/// For each article file, stores its `comments.json` when the database holds
/// no comments for that article, so that demo threads exist on the first run
/// and later runs keep what readers posted. Problems are logged, not fatal.
pub fn import_demo_threads(content: &Content, db: &Db) {
    let slugs = match content.article_slugs() {
        Ok(slugs) => slugs,
        Err(e) => {
            eprintln!("error: cannot list the articles to import their comments: {e}");
            return;
        }
    };
    let (mut articles, mut comments) = (0, 0);
    for slug in slugs {
        let bytes = match content.comments_file(&slug) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => continue,
            Err(e) => {
                eprintln!("error: cannot read the comments of {slug}: {e}");
                continue;
            }
        };
        let list: CommentList = match serde_json::from_slice(&bytes) {
            Ok(list) => list,
            Err(e) => {
                eprintln!("error: articles/{slug}/comments.json is not a comment list: {e}");
                continue;
            }
        };
        match db.import_if_empty(&slug, &list.comments) {
            Ok(0) => {}
            Ok(n) => {
                articles += 1;
                comments += n;
            }
            Err(e) => eprintln!("error: cannot import the comments of {slug}: {e}"),
        }
    }
    if comments > 0 {
        eprintln!("imported {comments} comments into {articles} articles");
    }
}
