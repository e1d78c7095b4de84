package io.mlgates.core.policy;

/**
 * Which predicted class benefits the person the model decides about (AIF360's favourable label): in hiring the
 * positive prediction (hired), in credit risk the negative one (not predicted to default, so the loan is granted).
 * Disparate impact and the Theil index are defined on the favourable outcome.
 */
public enum Favourable {
    POSITIVE,
    NEGATIVE
}
