"""`Client`, `Model` and `Evaluation` as the official client's source shows them, on urllib."""
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from enum import Enum

# The real client polls every 2 s; the tests shorten it as they shorten the emulator's epochs.
POLL_SECONDS = float(os.environ.get("MARQTUNE_STUB_POLL_SECONDS", "2"))

WAITING = {"initializing", "provisioning", "uploading"}
ENDS = {"ready", "failed", "stopped", "finished", "deleted"}


class MarqtuneError(Exception):
    """An HTTP error, with the service's `message` read at the top level, as the client does."""


class _Http:
    def __init__(self, url, api_key):
        self.url = url.rstrip("/")
        self.api_key = api_key

    def request(self, method, path, body=None, query=None):
        url = self.url + path
        if query:
            url += "?" + urllib.parse.urlencode({k: v for k, v in query.items() if v is not None})
        data = None if body is None else json.dumps(body).encode()
        headers = {"x-api-key": self.api_key}
        if data is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request) as response:
                text = response.read()
        except urllib.error.HTTPError as error:
            raise MarqtuneError(json.loads(error.read() or b"{}")["message"]) from None
        return json.loads(text) if text else None


def _save(download_url, file_name, path):
    """A plain GET of a presigned link, without the key; the length is what a progress bar reads."""
    with urllib.request.urlopen(download_url) as response:
        expected = int(response.headers["content-length"])
        content = response.read()
    if len(content) != expected:
        raise MarqtuneError(f"downloaded {len(content)} bytes of {expected}")
    target = os.path.join(path or os.getcwd(), file_name)
    with open(target, "wb") as file:
        file.write(content)
    return target


def _extension(download_url):
    last = urllib.parse.urlparse(download_url).path.rsplit("/", 1)[-1]
    return last.rsplit(".", 1)[-1]


class _Task:
    kind = ""

    def __init__(self, http, task_id):
        self._http = http
        self._id = task_id

    def describe(self):
        return self._http.request("GET", f"/{self.kind}/{self._id}")

    def logs(self, from_time=None, to_time=None):
        return self._http.request(
            "GET", f"/{self.kind}/{self._id}/logs", query={"from": from_time, "to": to_time}
        )

    def download_logs(self, path=None):
        url = self._http.request("GET", f"/{self.kind}/{self._id}/logs/url")["downloadUrl"]
        return _save(url, f"{self._id}.log", path)

    def delete(self):
        return self._http.request("DELETE", f"/{self.kind}/{self._id}")

    def wait_for_completion(self):
        last = None
        while True:
            described = self.describe()
            status = described["status"].lower()
            secondary = described["secondaryStatus"].lower()
            if status in ENDS:
                return described
            if secondary == "running":
                for line in self.logs(from_time=None if last is None else last + 1):
                    print(line["message"])
                    last = line["timestamp"]
            elif secondary not in WAITING:
                raise MarqtuneError(f"Unknown status: {status}/{secondary}")
            time.sleep(POLL_SECONDS)


class Model(_Task):
    kind = "models"

    @property
    def model_id(self):
        return self._id

    def download(self, checkpoint=None, path=None):
        query = {"checkpoint": checkpoint}
        url = self._http.request("GET", f"/models/{self._id}/download/url", query=query)[
            "downloadUrl"
        ]
        name = checkpoint or self.describe()["checkpoints"][-1]
        return _save(url, f"{self._id}_{name}.{_extension(url)}", path)

    def release(self, checkpoint):
        return self._http.request("POST", f"/models/{self._id}/released-checkpoints/{checkpoint}")


class Evaluation(_Task):
    kind = "evaluation"

    @property
    def evaluation_id(self):
        return self._id

    def download(self, path=None):
        url = self._http.request("GET", f"/evaluation/{self._id}/download/url")["downloadUrl"]
        return _save(url, f"{self._id}.{_extension(url)}", path)


def _value(value):
    return value.value if isinstance(value, Enum) else value


class Client:
    def __init__(self, url, api_key):
        self._http = _Http(url, api_key)

    def list_models(self):
        return self._http.request("GET", "/models")

    def model(self, model_id):
        return Model(self._http, model_id)

    def evaluation(self, evaluation_id):
        return Evaluation(self._http, evaluation_id)

    def train_model(
        self,
        dataset_id,
        model_name,
        base_model,
        instance_type,
        hyperparameters,
        max_training_time=None,
        wait_for_completion=True,
    ):
        body = {
            "datasetId": dataset_id,
            "modelName": model_name,
            "baseModel": base_model,
            "instanceType": _value(instance_type),
            "hyperparameters": hyperparameters,
        }
        if max_training_time is not None:
            body["maxTrainingTime"] = max_training_time
        model = self.model(self._http.request("POST", "/models/train", body)["modelId"])
        if wait_for_completion:
            model.wait_for_completion()
        return model

    def evaluate(self, dataset_id, model, hyperparameters, wait_for_completion=True):
        body = {"datasetId": dataset_id, "model": model, "hyperparameters": hyperparameters}
        evaluation = self.evaluation(self._http.request("POST", "/evaluation", body)["evaluationId"])
        if wait_for_completion:
            evaluation.wait_for_completion()
        return evaluation
