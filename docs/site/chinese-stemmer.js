// Sphinx 9's Chinese search data (language_data.js) ends with `window.Stemmer = ChineseStemmer`
// but defines only the English stemmer it ships for zh, so the search page stops with
// "ChineseStemmer is not defined". Chinese words are not stemmed (jieba splits them when the
// index is built); Latin words are stemmed as English: that is the English stemmer.
// Loaded before language_data.js; called with `new` after it, when EnglishStemmer exists.
function ChineseStemmer() {
  return new EnglishStemmer();
}
