"""The client's enums, as its snippets import them."""
from enum import Enum


class InstanceType(str, Enum):
    BASIC = "marqtune.basic"
    PERFORMANCE = "marqtune.performance"


class DatasetType(str, Enum):
    TRAINING = "training"
    EVALUATION = "evaluation"
