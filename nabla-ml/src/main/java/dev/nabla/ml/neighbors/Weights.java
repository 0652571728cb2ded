package dev.nabla.ml.neighbors;

/** How neighbours vote: equally, or by inverse distance (a neighbour at distance 0 takes all the weight). */
public enum Weights { UNIFORM, DISTANCE }
