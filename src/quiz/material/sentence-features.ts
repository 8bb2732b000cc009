import { isWholeSentence, leansOnPreviousSentence, looksLikeCode, pointsElsewhere, type PromptSentence } from '../prompt-sentences.js';

/** The reading features of a sentence, the same whichever question quotes it. */
export function sentenceFeatures(sentence: PromptSentence) {
  return {
    fromListItem: sentence.passage.kind === 'list-item',
    wholeSentence: isWholeSentence(sentence.text),
    leansOnPrevious: leansOnPreviousSentence(sentence.text),
    pointsElsewhere: pointsElsewhere(sentence.text),
    looksLikeCode:
      looksLikeCode(sentence.text) || /(?:^|\s)(?:git|docker|kubectl|npm)\s+\S+\s+(?:pop|list|push|apply|add|run|build|-\w)/u.test(sentence.text),
  };
}

export type SentenceFeatures = ReturnType<typeof sentenceFeatures>;
/** Features of a sentence of the concept being built, worked out once per sentence. */
export type FeaturesOf = (sentence: PromptSentence) => SentenceFeatures;
